import type { ServerOptions } from 'node:http';

// How long the HTTP server waits for a client (node:http's createServer options; main.ts passes
// them to serve()). A request is one small JSON body: a client that takes longer than this is
// not a person on a slow line but a connection held open on purpose (slowloris), and every such
// connection costs a socket and memory. Node checks the header and request deadlines every
// `connectionsCheckingInterval`, so a connection is closed at most that much after its deadline.

export const SERVER_TIMEOUTS = {
  /** All request headers must have arrived within this (node's default: 60 s). */
  headersTimeout: 10_000,
  /** The whole request, headers and body (at most 64 KiB), within this (node's default: 300 s). */
  requestTimeout: 20_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
} as const satisfies ServerOptions;
