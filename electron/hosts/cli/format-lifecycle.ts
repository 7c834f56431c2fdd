import type { EngineLifecycle } from '../../../shared/model/engine-lifecycle';

/** One line for people: the engine's lifecycle state, and why Lightdock cannot manage it when it cannot. */
export function formatLifecycle(lifecycle: EngineLifecycle): string {
  const parts = [`Docker engine: ${lifecycle.state}`];
  if (lifecycle.message !== null) parts.push(lifecycle.message);
  if (!lifecycle.manageable && lifecycle.reason !== null) parts.push(lifecycle.reason);
  return parts.join(' — ');
}
