// Which file of the package this runtime resolves `seam-wasm` to.
console.log(import.meta.resolve('seam-wasm'))
