/**
 * Assembles the HTTP server: GraphQL at /graphql (GET and POST, CSRF prevention on), the explorer
 * at /, the network page at /network, exports at /export/<format>, /healthz (the process is up) and
 * /readyz (the store answers). The store is opened by the caller and passed in as an executor, so
 * tests run the same server in-process on an in-memory store.
 *
 * Hardening (issue 15): documents are bounded (tokens at parse, depth/aliases/directives/operations
 * in one linear validation pass, cost after variable coercion), and large ones parsed and validated
 * in a worker thread (issue 28); each GraphQL request and export has
 * a deadline (REQUEST_TIMEOUT_MS) and is cancelled when its client goes away; a GraphQL result is
 * bounded while it is built (MAX_RESPONSE_NODES, MAX_RESPONSE_BYTES) and the heap by a share of
 * V8's limit (MAX_HEAP_SHARE); expensive operations and exports run a few at a time (429 +
 * Retry-After beyond); every HTTP error is JSON without a stack or a path; CORS by allow-list.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { DEFAULT_SERVER_POLICY, withDefaults, type Config, type ServerPolicy } from './config.js';
import type { Logger } from './logger.js';
import { ReadCache, type QueryExecutor } from './store/QueryExecutor.js';
import type { StoreHealth } from './store/GraphStore.js';
import { createContext, type RequestContext } from './context.js';
import { prefitModel } from './analysis/agreement/index.js';
import { buildAppSchema } from './buildAppSchema.js';
import { parseOptions, validationRules } from './limits/documentChecks.js';
import { MAIN_THREAD_TOKENS, OffThreadDocuments } from './limits/offThreadDocuments.js';
import { useCostLimit } from './limits/useCostLimit.js';
import { useResponseBudget } from './limits/useResponseBudget.js';
import { HeapGuard } from './limits/heapGuard.js';
import { Slots } from './limits/concurrency.js';
import { requestDeadline } from './limits/deadline.js';
import { StoreGate } from './limits/storeGate.js';
import { jsonErrorHandler, methodNotAllowed, notFound, sendError } from './httpErrors.js';
import { cors } from './cors.js';
import { maskError, useStatusByPhase } from './errors/index.js';
import { explorerRouter } from './web/explorer.js';
import { networkRouter } from './web/network/networkRouter.js';
import { optionsRouter } from './web/options/optionsRouter.js';
import { securityHeaders } from './web/securityHeaders.js';
import { metricsText } from './metrics.js';

export interface AppOptions {
  executor: QueryExecutor;
  limits: Config['limits'];
  /** Concurrency, introspection, CORS, error detail; DEFAULT_SERVER_POLICY where not given. */
  policy?: Partial<ServerPolicy>;
  logger?: Logger;
}

/** The Apollo server alone: what in-process API tests drive with `executeOperation`. */
export async function createApollo(
  options: AppOptions & { httpServer?: http.Server; slots?: Slots },
): Promise<{ apollo: ApolloServer<RequestContext>; schema: GraphQLSchema; documents?: OffThreadDocuments }> {
  const schema = await buildAppSchema();
  const { logger } = options;
  const limits = withDefaults(options.limits);
  const policy = { ...DEFAULT_SERVER_POLICY, ...options.policy };
  const slots = options.slots ?? new Slots(policy.maxConcurrentExpensive);
  const retryAfter = Math.max(1, Math.ceil(limits.requestTimeoutMs / 2000));
  // With MAX_TOKENS raised, large documents are parsed and validated in a worker
  // (limits/offThreadDocuments.ts), with the same parse options and rules as below (limits/documentChecks.ts).
  const documents =
    policy.documentWorkers > 0 && limits.maxTokens > MAIN_THREAD_TOKENS
      ? new OffThreadDocuments({
          schemaModule: new URL(`./buildAppSchema${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)
            .href,
          limits,
          introspection: policy.introspection,
          hideSchemaDetails: !policy.introspection,
          threads: policy.documentWorkers,
          maxQueue: policy.documentQueue,
          retryAfter,
          onWorkerError: (e) => logger?.warn({ err: e }, 'document worker failed'),
        })
      : undefined;
  const apollo = new ApolloServer<RequestContext>({
    schema,
    csrfPrevention: true,
    // The caller stops the server (cli.ts on SIGTERM/SIGINT, then closes the store): Apollo's own
    // signal handlers would run a second stop() that leaves ours waiting for good.
    stopOnTerminationSignals: false,
    introspection: policy.introspection,
    hideSchemaDetailsFromClientErrors: !policy.introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: parseOptions(limits),
    validationRules: validationRules(limits),
    ...(documents ? { documentStore: documents.store } : {}),
    plugins: [
      // First: a document refused off the main thread is refused before any other plugin's check.
      ...(documents ? [documents.plugin()] : []),
      ApolloServerPluginLandingPageDisabled(),
      // No field has a cache hint: Apollo's cache-control plugin would only wrap every field's
      // resolution to compute the `no-store` the response gets below anyway.
      ApolloServerPluginCacheControlDisabled(),
      useStatusByPhase(),
      useResponseBudget(schema, {
        maxNodes: limits.maxResponseNodes,
        maxBytes: limits.maxResponseBytes,
        heap: new HeapGuard(policy.maxHeapShare),
        retryAfter,
      }),
      useCostLimit(schema, {
        maxCost: limits.maxCost,
        maxListLength: limits.maxListLength,
        expensiveCost: policy.expensiveCost,
        slots,
        retryAfter,
      }),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
      {
        async requestDidStart({ contextValue }) {
          const t0 = performance.now();
          return {
            async willSendResponse({ response, errors, operationName }) {
              response.http.headers.set('cache-control', 'no-store');
              logger?.info(
                {
                  requestId: contextValue.requestId,
                  operation: operationName ?? null,
                  ms: Math.round(performance.now() - t0),
                  roundTrips: contextValue.roundTrips?.count,
                  errors: errors?.length ?? 0,
                  http: response.http.status ?? 200,
                },
                'graphql',
              );
            },
          };
        },
      },
    ],
    formatError: (formatted, error) =>
      maskError(formatted, error, (e) => logger?.error({ err: e }, 'masked error'), { devErrors: policy.devErrors }),
  });
  return { apollo, schema, documents };
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export interface ServeOptions extends AppOptions {
  port: number;
  host: string;
  /** Share read results between requests by data version (default: the policy's `readCache`, READ_CACHE; store/QueryExecutor.ts: withReadCache). */
  readCache?: boolean;
  /** Fit the agreement model in the background once listening (default: when NODE_ENV is production, as `serve` sets it). */
  prefitModel?: boolean;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const policy = { ...DEFAULT_SERVER_POLICY, ...options.policy };
  const { apollo } = await createApollo({ ...options, policy, httpServer });
  await apollo.start();
  const { logger } = options;
  // Requests share the rows of their reads by data version (store/QueryExecutor.ts: withReadCache).
  const executor =
    (options.readCache ?? policy.readCache)
      ? options.executor.withReadCache(new ReadCache(policy.readCacheBytes, policy.resultCacheBytes))
      : options.executor;
  const limits = withDefaults(options.limits);
  const gate = new StoreGate(policy.storeConcurrency);

  app.disable('x-powered-by');
  app.set('env', policy.devErrors ? 'development' : 'production');
  app.use(securityHeaders);
  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send(metricsText(executor));
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const health: StoreHealth = await executor.store
      .health()
      .catch((e: unknown) => ({ ok: false, store: executor.store.kind, detail: (e as Error).message }));
    if (!health.ok) logger?.warn({ detail: health.detail }, 'store not ready');
    const loss = options.executor.commitLoss;
    res.status(health.ok ? 200 : 503).json({
      status: health.ok ? 'ready' : 'unavailable',
      store: health.store,
      ...(health.ok ? {} : { reason: health.reason ?? 'the store did not answer its check' }),
      // The store lost committed transactions before this start (store/commitMarker.ts): said, not hidden.
      ...(loss ? { lostCommits: { message: loss.message, lostDataSets: loss.lostDataSets } } : {}),
    });
  });
  app.all(['/healthz', '/readyz', '/metrics'], methodNotAllowed(['GET']));
  app.use(
    '/graphql',
    cors(policy.corsOrigins, ['GET', 'POST']),
    (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'POST') {
        methodNotAllowed(['GET', 'POST'])(req, res, next);
        return;
      }
      if (req.method === 'POST' && !req.is('application/json')) {
        sendError(
          req,
          res,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'POST /graphql takes a JSON body: set content-type: application/json.',
        );
        return;
      }
      const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.get('content-type') ?? '')?.[2]?.toLowerCase();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') {
        sendError(req, res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported charset: send the body as UTF-8.');
        return;
      }
      next();
    },
    express.json({ limit: '1mb' }),
    (req, res, next) => {
      if (req.method === 'POST' && (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body))) {
        sendError(
          req,
          res,
          400,
          'BAD_REQUEST',
          'The request body must be a JSON object {"query": ..., "variables": ...}.',
        );
        return;
      }
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const deadline = requestDeadline(limits.requestTimeoutMs, req, res);
        const ctx = createContext(
          executor,
          limits,
          req.get('x-request-id')?.slice(0, 100) ?? randomUUID(),
          deadline,
          gate,
        );
        res.once('close', () => {
          deadline.dispose();
          while (ctx.held.release.length) ctx.held.release.pop()!();
        });
        return ctx;
      },
    }),
  );
  app.use(explorerRouter());
  app.use(networkRouter());
  app.use(optionsRouter());
  // The exports (xmlbuilder2, graphology: ~0.1 s of module loading) load on the first /export request, not at start.
  let exports: Promise<express.Router> | undefined;
  app.use((req, res, next) => {
    if (!/^\/export(\/|$)/i.test(req.path)) {
      next();
      return;
    }
    exports ??= import('./export/exportRouter.js').then((m) =>
      m.exportRouter(executor, logger, {
        maxConcurrent: policy.maxConcurrentExports,
        timeoutMs: limits.requestTimeoutMs,
        corsOrigins: policy.corsOrigins,
      }),
    );
    exports.then((router) => router(req, res, next), next);
  });
  app.use(notFound);
  app.use(jsonErrorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`;
  logger?.info({ url }, 'server listening');
  // The agreement model for the current data, fitted now rather than by the first request that asks;
  // stopped (no further store call) when the server stops.
  const prefit = new AbortController();
  if (options.prefitModel ?? process.env.NODE_ENV === 'production') {
    const t0 = performance.now();
    let failed = false;
    void prefitModel(
      createContext(executor, limits, 'model-prefit', prefit.signal, gate).analysis,
      (e) => {
        failed = true;
        if (!prefit.signal.aborted) logger?.warn({ err: e }, 'model prefit failed');
      },
      prefit.signal,
    ).then(() => {
      if (!failed) logger?.info({ ms: Math.round(performance.now() - t0) }, 'agreement model fitted');
    });
  }
  return {
    url,
    httpServer,
    async stop() {
      prefit.abort();
      await apollo.stop();
    },
  };
}
