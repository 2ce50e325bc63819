/**
 * The one platform adapter: a Node `worker_threads` port seen as the
 * Endpoint comlink expects (addEventListener / postMessage), the way comlink's
 * own node adapter does it. Browsers need none. Imports comlink types only.
 */
import type { Endpoint } from 'comlink';

export interface NodePort {
  on(event: 'message', listener: (data: unknown) => void): unknown;
  off(event: 'message', listener: (data: unknown) => void): unknown;
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  start?: () => void;
}

type Listener = EventListenerOrEventListenerObject;

export function nodeEndpoint(port: NodePort): Endpoint {
  const wrapped = new WeakMap<Listener, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer as readonly unknown[]),
    addEventListener: (_type: string, listener: Listener) => {
      const handler = (data: unknown) => {
        const event = { data } as MessageEvent;
        if ('handleEvent' in listener) listener.handleEvent(event);
        else listener(event);
      };
      port.on('message', handler);
      wrapped.set(listener, handler);
    },
    removeEventListener: (_type: string, listener: Listener) => {
      const handler = wrapped.get(listener);
      if (!handler) return;
      port.off('message', handler);
      wrapped.delete(listener);
    },
    start: port.start?.bind(port),
  };
}
