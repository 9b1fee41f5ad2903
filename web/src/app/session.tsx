/**
 * The logged-in user: read from GET /api/auth/me on start, set by login, cleared by logout or
 * by any 401 (session expired). The cookie itself is HttpOnly; the app never sees the token.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, get, post, setUnauthenticatedHandler, type User } from '../api.ts';

export interface Session {
  /** undefined while the first /api/auth/me is in flight; null when logged out. */
  readonly user: User | null | undefined;
  /** True when the previous session ended by a 401 (shown on the login page). */
  readonly expired: boolean;
  readonly login: (username: string, password: string) => Promise<User>;
  readonly logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let live = true;
    get<{ user: User }>('/api/auth/me')
      .then((r) => live && setUser(r.user))
      .catch(() => live && setUser(null));
    setUnauthenticatedHandler(() => {
      setExpired(true);
      setUser(null);
    });
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await post<{ user: User }>('/api/auth/login', { username, password });
    setExpired(false);
    setUser(r.user);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await post('/api/auth/logout');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    setExpired(false);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, expired, login, logout }), [user, expired, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session. Throws outside SessionProvider (a programming error). */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
