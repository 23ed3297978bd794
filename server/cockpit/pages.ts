import type { Hono } from 'hono';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { teamRoutes } from './team';
import { routingTesterRoutes } from './routing-tester';
import { pipelineRoutes } from './pipeline';
import { embedRoutes } from './embed';
import { funnelRoutes } from './funnel';
import { dataRoutes } from './data';
import { inboxRoutes } from './inbox';
import { leadPageRoutes } from './lead-page';

// The cockpit's pages: each a path under /app and its routes (behind the sign-in gate). A page
// module adds itself here with one line.

export interface CockpitPage {
  path: string;
  routes: (deps: CockpitDeps) => Hono<CockpitEnv>;
}

export const cockpitPages: CockpitPage[] = [
  { path: '/funnel', routes: funnelRoutes },
  { path: '/data', routes: dataRoutes },
  { path: '/team', routes: teamRoutes },
  { path: '/routing-tester', routes: routingTesterRoutes },
  { path: '/pipeline', routes: pipelineRoutes },
  { path: '/embed', routes: embedRoutes },
  { path: '/inbox', routes: inboxRoutes },
  { path: '/leads', routes: leadPageRoutes },
];
