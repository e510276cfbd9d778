/**
 * The baseline of `npm run bench`: a bare Apollo Server 5 answering `{ hello }`, in its own process
 * and in production mode, on the HTTP stack the project uses (express 5 and
 * `@as-integrations/express5`; `--standalone`: Apollo's own standalone server instead). Prints
 * `{"url": …}` on one line when listening on a free loopback port.
 */
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { startStandaloneServer } from '@apollo/server/standalone';

const apollo = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  resolvers: { Query: { hello: () => 'world' } },
});
let url: string;
if (process.argv.includes('--standalone')) {
  ({ url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } }));
} else {
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  url = `http://127.0.0.1:${address.port}/graphql`;
}
console.log(JSON.stringify({ url }));
process.on('SIGTERM', () => process.exit(0));
