/** Content reads against a real HTTP server on 127.0.0.1: absent is undefined; a FAILED read throws. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { getOctokit } from '@actions/github'
import { readRepoFile } from '../../src/github/source.js'

let server: http.Server
let answer: (res: http.ServerResponse) => void
let base = ''
beforeAll(async () => {
  server = http.createServer((_req, res) => answer(res))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => new Promise<void>((r) => server.close(() => r())))

const octokit = () => getOctokit('t0ken', { baseUrl: base, request: { retries: 0 } })
const json = (status: number, body: unknown) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}
const read = () => readRepoFile(octokit(), { owner: 'acme', repo: 'app' }, 'package-lock.json', 'c'.repeat(40))

test('raw text is the content; 404 and a directory listing are "no file"', async () => {
  answer = (res) => {
    res.writeHead(200, { 'content-type': 'application/vnd.github.raw' })
    res.end('{"lockfileVersion":3}')
  }
  expect(await read()).toBe('{"lockfileVersion":3}')
  answer = json(404, { message: 'Not Found' })
  expect(await read()).toBeUndefined()
  answer = json(200, [{ type: 'file', name: 'a' }])
  expect(await read()).toBeUndefined()
})

test('a 5xx throws (never "no file")', async () => {
  answer = json(502, { message: 'Bad Gateway' })
  await expect(read()).rejects.toMatchObject({ status: 502 })
})

test('an answer that is not a file’s content throws', async () => {
  answer = json(200, { type: 'file', name: 'package-lock.json' }) // no content
  await expect(read()).rejects.toThrow("answered something that is not a file's content")
  answer = json(200, 42)
  await expect(read()).rejects.toThrow("answered something that is not a file's content")
})
