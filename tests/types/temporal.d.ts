// TypeScript 5.9 ships no Temporal lib, and the declarations of @seamapi/http accept
// `Temporal.Instant` for timestamps; without this they would read as errors (`any`).
declare namespace Temporal {
  interface Instant {
    readonly epochMilliseconds: number
    readonly epochNanoseconds: bigint
    toString(): string
  }
}
