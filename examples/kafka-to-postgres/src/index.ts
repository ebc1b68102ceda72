/** The example's building blocks, for reuse in other pipelines (the contract: types.ts; a custom sink: custom-sink.ts). */
export {
  DEFAULT_GROUP_ID,
  DEFAULT_TOPIC,
  databaseUrlFromEnv,
  kafkaBrokersFromEnv,
  redactDatabaseUrl,
} from './config.js';
export { createPipelineMetrics, type PipelineMetrics, serveMetrics } from './demo/metrics.js';
export { type OutgoingMessage, type ProduceOptions, produceEvents, toKafkaMessage } from './demo/producer.js';
export { formatReport } from './demo/report.js';
export { describeError } from './errors.js';
export { type EnvelopeFormat, type SeedEvent, toEnvelope } from './events.js';
export {
  deleteTopics,
  endOffsets,
  ensureTopic,
  kafkaClientOptions,
  remainingMessages,
  TOPIC_MAX_MESSAGE_BYTES,
} from './kafka.js';
export {
  type PipelineHandle,
  type PipelineOptions,
  type PipelineTotals,
  runPipeline,
} from './pipeline.js';
export {
  createMessagePreparer,
  type EncodedRow,
  encodeRow,
  type PrepareOptions,
  toInt64,
  toSqlRow,
} from './prepare.js';
export {
  createInlinePreparer,
  createThreadedPreparer,
  packMessages,
  type ThreadedPreparerOptions,
  unpackMessages,
} from './preparers.js';
export { BOOKKEEPING_DDL, USERS_ENRICHED_COLUMNS } from './schema.js';
export { createPgliteDriver, createPgliteSink } from './sinks/pglite.js';
export { createPostgresDriver, createPostgresSink } from './sinks/postgres.js';
export { createSqlSink, isDataError, type SqlDriver, type SqlSession, type SqlSinkOptions } from './sinks/sql-sink.js';
export { createGeneratorSource, type GeneratorSourceOptions } from './sources/generator.js';
export { createKafkaSource, type KafkaSourceOptions } from './sources/kafka.js';
export { createNdjsonSource, type NdjsonSourceOptions } from './sources/ndjson.js';
export {
  buildTableSql,
  quoteIdentifier,
  type SqlType,
  shortIdentifier,
  type TableColumn,
  type TableSpec,
  type TableSql,
  USERS_TABLE,
} from './table.js';
export type * from './types.js';
export { emptyWriteResult } from './types.js';
export { startKafkaToPostgresWorker, type Worker, type WorkerOptions } from './worker.js';
