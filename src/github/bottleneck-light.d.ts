// bottleneck/light.js (the build @octokit/plugin-throttling imports; no Redis clustering) has the same API
// as the package's main entry, whose types it ships without a declaration of its own.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
