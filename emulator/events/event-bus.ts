// Every state change goes through emit(): the event is stored for GET /events and handed to the
// hook dispatcher. Seeding passes an explicit past date and mutes deliveries.
import type { ClientStore } from "../store/client-store";
import type { EmuEvent } from "../store/types";
import type { EventType } from "./event-types";

export type EventListener = (store: ClientStore, event: EmuEvent) => void;

export class EventBus {
  private readonly listeners: EventListener[] = [];
  muted = false;

  constructor(private readonly now: () => number) {}

  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }

  emit(store: ClientStore, eventType: EventType, resourceId: string, date?: number): EmuEvent {
    const event: EmuEvent = { ResourceId: resourceId, Date: date ?? this.now(), EventType: eventType };
    const events = store.events;
    events.push(event);
    // Live events keep the array sorted; an out-of-order date (seeding) is fixed by sortEvents().
    if (!this.muted) for (const listener of this.listeners) listener(store, event);
    return event;
  }
}

export function sortEvents(store: ClientStore): void {
  store.events.sort((a, b) => a.Date - b.Date);
}
