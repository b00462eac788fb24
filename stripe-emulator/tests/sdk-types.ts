import path from 'node:path';
import ts from 'typescript';

/**
 * The top-level property names of `stripe` package types (`TransferCreateParams`,
 * `Checkout.SessionCreateParams`, ...), read by the TypeScript compiler from the SDK's own
 * declarations, as the app's code sees them.
 */
export function sdkPropertyNames(typeNames: readonly string[]): Map<string, string[]> {
  const file = path.resolve(import.meta.dirname, '__sdk_param_types__.ts');
  const source = `import type Stripe from 'stripe';\n${typeNames.map((name, i) => `export type T${i} = Stripe.${name};`).join('\n')}\n`;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, source, language) : readSource(name, language, ...rest));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || exists(name);
  const program = ts.createProgram([file], options, host);
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) throw new Error('the virtual source file was not loaded');
  const problems = ts.getPreEmitDiagnostics(program, sourceFile).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length) throw new Error(`the SDK types do not resolve: ${problems.join('; ')}`);
  const checker = program.getTypeChecker();
  const names = new Map<string, string[]>();
  sourceFile.statements.filter(ts.isTypeAliasDeclaration).forEach((alias, i) => {
    const typeName = typeNames[i] ?? '';
    names.set(typeName, checker.getPropertiesOfType(checker.getTypeAtLocation(alias.name)).map((p) => p.name));
  });
  return names;
}
