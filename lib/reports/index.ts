export { transactionsExportQuery } from './api-schemas';
export { exportFileName, exportRange, transactionColumns, transactionsCsv } from './transactions-csv';
