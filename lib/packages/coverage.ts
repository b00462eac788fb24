import 'server-only';
import { asc, inArray, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classes, sessionTypes, type PackageClassScope } from '@/db/schema';

/** A package's or credit's scope as stored: the class scope, class or series ids, 1:1 session type ids. */
export interface ScopeIds {
  classes: PackageClassScope;
  class_ids: string[];
  session_type_ids: string[];
}

/** What a pass covers, in names a client knows: every class, the classes by title, and the 1:1 sessions by name. */
export interface Coverage {
  classes: PackageClassScope;
  class_titles: string[];
  session_names: string[];
}

/**
 * The names behind several scopes at once (one query per table). A selected
 * id may be a class or a weekly series; a series is named by its classes' title.
 */
export async function scopeCoverage(scopes: ScopeIds[]): Promise<Coverage[]> {
  const classIds = [...new Set(scopes.flatMap((s) => (s.classes === 'selected' ? s.class_ids : [])))];
  const typeIds = [...new Set(scopes.flatMap((s) => s.session_type_ids))];
  const db = getDb();
  const [classRows, typeRows] = await Promise.all([
    classIds.length
      ? db
          .selectDistinct({ id: classes.id, seriesId: classes.seriesId, title: classes.title, startsAt: classes.startsAt })
          .from(classes)
          .where(or(inArray(classes.id, classIds), inArray(classes.seriesId, classIds)))
          .orderBy(asc(classes.startsAt))
      : Promise.resolve([]),
    typeIds.length ? db.select({ id: sessionTypes.id, name: sessionTypes.name }).from(sessionTypes).where(inArray(sessionTypes.id, typeIds)).orderBy(asc(sessionTypes.name)) : Promise.resolve([]),
  ]);
  return scopes.map((s) => {
    const ids = new Set(s.class_ids);
    const titles = s.classes === 'selected' ? classRows.filter((c) => ids.has(c.id) || (c.seriesId !== null && ids.has(c.seriesId))).map((c) => c.title) : [];
    const types = new Set(s.session_type_ids);
    return {
      classes: s.classes,
      class_titles: [...new Set(titles)].sort((a, b) => a.localeCompare(b)),
      session_names: typeRows.filter((t) => types.has(t.id)).map((t) => t.name),
    };
  });
}
