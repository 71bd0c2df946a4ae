// The only globals the core may use beyond ES2020: Puerts provides these timers (ticked each frame), as do Node
// and browsers. Anything else must be feature-detected (see core/fetch-transport.ts).
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
