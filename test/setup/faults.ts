// Switchable failures in front of the real bindings. Nothing here fakes what
// D1, R2 or the Images binding do: every call goes to the real local binding
// unless a test flips a switch, and then it fails the way the real service
// fails (a rejected promise with the service's kind of message, or an R2
// object that is not there). Tests pass `faulty.env` as envOverrides.
import { env } from "cloudflare:test";

export interface FaultSwitches {
  /** "down": every D1 query and batch is rejected, as when D1 cannot be reached. */
  db: "ok" | "down";
  /**
   * Statements whose SQL matches fail. In a batch, the matching statement is
   * swapped for one that fails inside D1 itself, so the statements before it
   * really run in the batch's transaction and the rollback is D1's own.
   */
  failSql: RegExp | null;
  /** R2: "missing" = no object exists (get/head answer null); "down" = every call is rejected. */
  media: "ok" | "missing" | "down";
  /** Images binding: "down" = every transform and info call is rejected. */
  images: "ok" | "down";
}

export interface Faulty {
  faults: FaultSwitches;
  /** Bindings to pass as envOverrides: the real ones behind the switches. */
  env: { DB: D1Database; MEDIA: R2Bucket; IMAGES: ImagesBinding };
  /** Turns every switch back to "ok". */
  reset(): void;
}

const d1Down = () => new Error("D1_ERROR: Network connection lost. (simulated outage)");
const d1Failed = (sql: string) => new Error(`D1_ERROR: simulated failure of: ${sql.slice(0, 80)}`);
const r2Down = () => new Error("R2 get: We encountered an internal error. Please try again. (10001, simulated outage)");
const imagesDown = () => new Error("IMAGES_TRANSFORM_ERROR 9523: Image service unavailable (simulated outage)");

export function withFaults(base: { DB: D1Database; MEDIA: R2Bucket; IMAGES: ImagesBinding } = env): Faulty {
  const faults: FaultSwitches = { db: "ok", failSql: null, media: "ok", images: "ok" };
  return {
    faults,
    env: {
      DB: faultyD1(base.DB, faults),
      MEDIA: faultyR2(base.MEDIA, faults),
      IMAGES: faultyImages(base.IMAGES, faults),
    },
    reset() {
      Object.assign(faults, { db: "ok", failSql: null, media: "ok", images: "ok" } satisfies FaultSwitches);
    },
  };
}

/** Calls a method of a real binding object with the object itself as `this`. */
function passThrough<T extends object>(target: T, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop, target);
  return typeof value === "function" ? value.bind(target) : value;
}

function faultyD1(real: D1Database, faults: FaultSwitches): D1Database {
  // The real statement and its SQL behind each wrapped one: batch() must be given real statements.
  const statements = new WeakMap<object, { real: D1PreparedStatement; sql: string }>();
  const failing = (sql: string) => (faults.db === "down" ? d1Down() : faults.failSql?.test(sql) ? d1Failed(sql) : null);

  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => wrap(target.bind(...values), sql);
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw") {
          return (...args: unknown[]) => {
            const err = failing(sql);
            if (err) return Promise.reject(err);
            return (target[prop] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          };
        }
        return passThrough(target, prop);
      },
    });
    statements.set(proxy, { real: stmt, sql });
    return proxy;
  };

  // The database and its sessions (withSession, used for read replication) answer the same calls.
  const wrapQueries = <
    T extends { prepare(sql: string): D1PreparedStatement; batch(s: D1PreparedStatement[]): Promise<D1Result[]> },
  >(
    real: T,
  ): T =>
    new Proxy(real, {
      get(target, prop) {
        if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
        if (prop === "batch") {
          return (list: D1PreparedStatement[]) => {
            if (faults.db === "down") return Promise.reject(d1Down());
            const reals = list.map((s) => {
              const known = statements.get(s);
              if (!known) return s;
              // json() of a non-JSON string is a runtime error inside SQLite: the batch fails at this statement.
              return faults.failSql?.test(known.sql) ? target.prepare("select json('simulated failure')") : known.real;
            });
            return target.batch(reals);
          };
        }
        if (prop === "exec") {
          return (sql: string) =>
            failing(sql) ? Promise.reject(failing(sql)) : (target as unknown as D1Database).exec(sql);
        }
        if (prop === "withSession") {
          return (...args: unknown[]) =>
            wrapQueries((target as unknown as D1Database).withSession(...(args as [string])));
        }
        return passThrough(target, prop);
      },
    });
  return wrapQueries(real);
}

function faultyR2(real: R2Bucket, faults: FaultSwitches): R2Bucket {
  return new Proxy(real, {
    get(target, prop) {
      const value = passThrough(target, prop);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (faults.media === "down") return Promise.reject(r2Down());
        if (faults.media === "missing" && (prop === "get" || prop === "head")) return Promise.resolve(null);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

function faultyImages(real: ImagesBinding, faults: FaultSwitches): ImagesBinding {
  // The real service reads the input, then fails when the output is asked for.
  const failingTransformer = (stream: ReadableStream<Uint8Array>): ImageTransformer => {
    const t: ImageTransformer = {
      transform: () => t,
      draw: () => t,
      output: async () => {
        await new Response(stream).arrayBuffer().catch(() => undefined);
        throw imagesDown();
      },
    };
    return t;
  };
  return new Proxy(real, {
    get(target, prop) {
      if (prop === "input") {
        return (stream: ReadableStream<Uint8Array>, options?: ImageInputOptions) =>
          faults.images === "down" ? failingTransformer(stream) : target.input(stream, options);
      }
      if (prop === "info") {
        return (stream: ReadableStream<Uint8Array>, options?: ImageInputOptions) =>
          faults.images === "down" ? Promise.reject(imagesDown()) : target.info(stream, options);
      }
      return passThrough(target, prop);
    },
  });
}
