// Runs a command with Seam's fake server up: `node with-fake.mjs -- cmd args...`. The command
// gets the fake's URL in SEAM_TEST_ENDPOINT; the fake stops when the command ends.
import { fork, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const separator = process.argv.indexOf('--')
const [command, ...args] = process.argv.slice(separator + 1)
if (separator < 0 || !command) {
  console.error('usage: node with-fake.mjs -- <command> [args...]')
  process.exit(2)
}

const fake = fork(fileURLToPath(new URL('./fake.mjs', import.meta.url)), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
const url = await new Promise((resolve, reject) => {
  fake.on('message', (message) => message?.ready && resolve(message.ready))
  fake.on('exit', (code) => reject(new Error(`the fake server exited early (${code})`)))
})

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, SEAM_TEST_ENDPOINT: url } })
const code = await new Promise((resolve) => child.on('exit', (status, signal) => resolve(signal ? 1 : status)))
fake.disconnect()
process.exit(code)
