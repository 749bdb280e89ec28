import { HealthSchema, ReadinessSchema } from '../ops/responses';
import { ok, type Operations } from './helpers';

/** Operations: probes for load balancers and orchestrators (docs/DEPLOYMENT.md). Prometheus metrics are at /metrics, outside /api/v1. */
export const opsOperations = {
  'GET /api/v1/health': {
    summary: 'Liveness: the process is up (no database access)',
    public: true,
    responses: { 200: ok('Up', HealthSchema) },
  },
  'GET /api/v1/ready': {
    summary: 'Readiness: the database answers, all migrations are applied, the job queue runs, the instance is not shutting down',
    public: true,
    responses: { 200: ok('Ready to serve', ReadinessSchema), 503: ok('Not ready; `checks` names what failed', ReadinessSchema) },
  },
} satisfies Operations;
