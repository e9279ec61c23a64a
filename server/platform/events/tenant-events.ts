import { EventEmitter } from 'node:events';

export type TenantEvent = { type: 'feed' };

/**
 * In-process notifications for live updates (server-sent events), published after the transaction that
 * caused them commits. One Enishi process serves a network's live clients; several processes behind a
 * load balancer would relay these through PostgreSQL LISTEN/NOTIFY instead.
 */
export class TenantEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open browser tab; the default warning at 10 would be noise, not a leak.
    this.emitter.setMaxListeners(0);
  }

  publish(tenantId: string, event: TenantEvent) {
    this.emitter.emit(tenantId, event);
  }

  subscribe(tenantId: string, listener: (event: TenantEvent) => void): () => void {
    this.emitter.on(tenantId, listener);
    return () => this.emitter.off(tenantId, listener);
  }
}
