# test: platform=wasi/wasm
# Building for a WebAssembly target: programs are Wasm modules run by a Wasm runtime.
FROM scratch
ENTRYPOINT ["/app"]
