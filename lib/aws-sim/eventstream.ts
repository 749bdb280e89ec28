import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';

/**
 * AWS event-stream frames (application/vnd.amazon.eventstream), encoded with the same codec the
 * SDK decodes them with.
 */

type Message = Parameters<EventStreamCodec['encode']>[0];

export class EventStreamWriter {
  private readonly codec = new EventStreamCodec(toUtf8, fromUtf8);

  /** A modeled event, e.g. `event('contentBlockDelta', { contentBlockIndex: 0, delta: { text } })`. */
  event(eventType: string, payload: unknown): Uint8Array {
    return this.encode({
      headers: {
        ':message-type': { type: 'string', value: 'event' },
        ':event-type': { type: 'string', value: eventType },
        ':content-type': { type: 'string', value: 'application/json' },
      },
      body: fromUtf8(JSON.stringify(payload)),
    });
  }

  /** A modeled exception, e.g. `exception('throttlingException', { message })`. */
  exception(exceptionType: string, payload: unknown): Uint8Array {
    return this.encode({
      headers: {
        ':message-type': { type: 'string', value: 'exception' },
        ':exception-type': { type: 'string', value: exceptionType },
        ':content-type': { type: 'string', value: 'application/json' },
      },
      body: fromUtf8(JSON.stringify(payload)),
    });
  }

  encode(message: Message): Uint8Array {
    return this.codec.encode(message);
  }

  decode(frame: Uint8Array): { headers: Record<string, string>; body: string } {
    const m = this.codec.decode(frame);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.headers)) headers[k] = String(v.value);
    return { headers, body: toUtf8(m.body) };
  }
}
