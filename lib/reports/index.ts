export { csvResponse } from './csv';
export { earningLinesExportQuery, transactionsExportQuery } from './api-schemas';
export { exportFileName, exportRange, transactionColumns, transactionsCsv } from './transactions-csv';
export { earningLineColumns, earningLinesCsv, earningLinesFileName } from './earning-lines-csv';
