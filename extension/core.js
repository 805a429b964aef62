// The WASM core behind one seam, shared by the background and the demo page: instantiated on first
// use, and instantiated again after a trap. A panic in Rust aborts as an `unreachable` trap
// (WebAssembly.RuntimeError) and leaves the instance in an undefined state, so it is dropped and the
// next call gets a fresh one. `glue` is the wasm-bindgen module (pkg/whosaid.js, whose
// `resetInstance` scripts/build.sh adds); `source()` gives what its init() loads.

/** A core over `glue`: `call(name, ...args)` runs the export `name` on a live instance. */
export function createCore(glue, source) {
  let ready = null;
  let instances = 0;
  const load = () => {
    if (!ready) {
      ready = Promise.resolve(glue.default({ module_or_path: source() })).then(
        (w) => {
          instances++;
          return w;
        },
        (e) => {
          ready = null;
          throw e;
        },
      );
    }
    return ready;
  };
  return {
    load,
    /** How many instances were created so far (1 unless a call trapped). */
    get instances() {
      return instances;
    },
    async call(name, ...args) {
      await load();
      try {
        return glue[name](...args);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) {
          // The trapped instance is dead: forget it; the next call instantiates the module again.
          ready = null;
          glue.resetInstance();
        }
        throw e;
      }
    },
  };
}
