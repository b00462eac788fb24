export { csvResponse } from './csv';
export { earningLinesExportQuery, transactionsExportQuery } from './api-schemas';
export { exportFileName, exportRange, transactionColumns, transactionsCsv } from './transactions-csv';
export { earningLineColumns, earningLinesCsv, earningLinesFileName } from './earning-lines-csv';
export { summaryIntervals, summaryQuery, type SummaryInterval, type SummaryQuery } from './api-schemas';
export { intervalStarts, MAX_SUMMARY_DAYS, reportSummary, summaryRange, type ProviderSummary, type Summary, type SummaryEntry, type SummaryRequest } from './summary';
export { SUMMARY_BASIS, SUMMARY_DEFINITIONS, type SummaryFigure, type SummaryFigures } from './summary-figures';
