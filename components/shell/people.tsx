'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { ActorType } from '@/lib/auth/actor-ref';
import type { People } from '@/lib/auth/people';

interface PeopleContext {
  people: People;
  /** The signed-in user, to tell "you" from others by id. */
  me: { type: ActorType; id: string } | null;
}

const Ctx = createContext<PeopleContext>({ people: {}, me: null });

/** Provides the user directory (id -> name, email) to every actor name on the console's pages. */
export function PeopleProvider({ people, me, children }: PeopleContext & { children: ReactNode }) {
  return <Ctx.Provider value={{ people, me }}>{children}</Ctx.Provider>;
}

export const usePeople = () => useContext(Ctx);
