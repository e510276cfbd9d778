/**
 * Assembles the HTTP server: GraphQL at /graphql (GET and POST, CSRF prevention on), the explorer
 * at /, the network page at /network, exports at /export/<format>, /healthz (the process is up) and
 * /readyz (the store answers). The store is opened by the caller and passed in as an executor, so
 * tests run the same server in-process on an in-memory store.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { QueryExecutor } from './store/QueryExecutor.js';
import { createContext, type RequestContext } from './context.js';
import { buildAppSchema } from './schema/buildAppSchema.js';
import { depthLimitRule } from './limits/depthLimitRule.js';
import { useCostLimit } from './limits/useCostLimit.js';
import { maskError } from './errors/index.js';
import { explorerRouter } from './web/explorer.js';
import { networkRouter } from './web/network/networkRouter.js';
import { exportRouter } from './export/exportRouter.js';

export interface AppOptions {
  executor: QueryExecutor;
  limits: Config['limits'];
  logger?: Logger;
}

/** The Apollo server alone: what in-process API tests drive with `executeOperation`. */
export async function createApollo(options: AppOptions & { httpServer?: http.Server }): Promise<{ apollo: ApolloServer<RequestContext>; schema: GraphQLSchema }> {
  const schema = await buildAppSchema();
  const { logger, limits } = options;
  const apollo = new ApolloServer<RequestContext>({
    schema,
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimitRule(limits.maxDepth)],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      useCostLimit(schema, limits.maxCost),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
      {
        async requestDidStart({ contextValue }) {
          const t0 = performance.now();
          return {
            async willSendResponse({ response, errors, operationName }) {
              logger?.info({
                requestId: contextValue.requestId, operation: operationName ?? null, ms: Math.round(performance.now() - t0),
                roundTrips: contextValue.roundTrips?.count, errors: errors?.length ?? 0, http: response.http.status ?? 200,
              }, 'graphql');
            },
          };
        },
      },
    ],
    formatError: (formatted, error) => maskError(formatted, error, (e) => logger?.error({ err: e }, 'masked error')),
  });
  return { apollo, schema };
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export async function startServer(options: AppOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const { apollo } = await createApollo({ ...options, httpServer });
  await apollo.start();
  const { executor, limits, logger } = options;

  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    const health = await executor.store.health();
    res.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ready' : 'unavailable', store: health.store, detail: health.detail });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(executor, limits, req.get('x-request-id') ?? randomUUID()) }),
  );
  app.use(explorerRouter());
  app.use(networkRouter());
  app.use(exportRouter(executor, logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`;
  logger?.info({ url }, 'server listening');
  return {
    url,
    httpServer,
    async stop() { await apollo.stop(); },
  };
}
