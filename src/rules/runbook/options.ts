import { Type, type Static } from '@sinclair/typebox'

/** Kinds of operational change the rule recognises (= the `code` of its findings). */
export const TRIGGER_CODES = [
  'k8s-manifest',
  'helm',
  'kustomize',
  'docker-compose',
  'dockerfile',
  'procfile',
  'terraform',
  'pulumi',
  'cloudformation',
  'alert-rule',
  'dashboard',
  'datadog-monitor',
  'slo',
  'deploy-workflow',
  'cron',
  'new-env-var',
  'feature-flag',
  'path-trigger',
] as const
export type TriggerCode = (typeof TRIGGER_CODES)[number]

export const RunbookOptions = Type.Object({
  runbooks: Type.Array(Type.String(), {
    default: [
      '**/runbooks/**',
      '**/runbook/**',
      '**/RUNBOOK*.md',
      '**/runbook*.md',
      '**/playbooks/**',
      '**/RELEASING*.md',
      '**/releasing/**',
      '**/release-checklist*',
      '**/release-process*',
      '**/OPERATIONS*.md',
      '**/docs/ops/**',
      '**/docs/operations/**',
    ],
    description:
      'Globs of runbook and operations docs (runbooks, playbooks, release process and checklist, ops docs): a change ' +
      'to one of them satisfies the rule for every trigger not covered by a `services` mapping.',
  }),
  services: Type.Array(
    Type.Object({
      path: Type.String({ description: 'Glob with a `{service}` placeholder, e.g. `services/{service}/**`.' }),
      runbooks: Type.Array(Type.String(), {
        description: 'Runbook globs for that service, e.g. `docs/runbooks/{service}.md`; only these satisfy its triggers.',
      }),
    }),
    {
      default: [],
      description:
        "Service mappings: a trigger under `path` is satisfied only by a change to that service's runbooks (first matching mapping wins).",
    },
  ),
  disable: Type.Array(Type.Union(TRIGGER_CODES.map((c) => Type.Literal(c))), {
    default: [],
    description: `Built-in triggers to switch off, by code: ${TRIGGER_CODES.join(', ')}.`,
  }),
  triggers: Type.Array(Type.String(), {
    default: [],
    description: 'Extra globs whose changes are operational (findings with code `path-trigger`).',
  }),
  feature_flags: Type.Array(Type.String(), {
    default: [
      '**/feature-flags/**',
      '**/feature_flags/**',
      '**/featureflags/**',
      '**/*.flags.{json,yml,yaml}',
      '**/flagd*.json',
      '**/*.flagd.json',
      '**/flagd/*.json',
    ],
    description: 'Globs of feature-flag definition files (findings with code `feature-flag`).',
  }),
  manifest_paths: Type.Array(Type.String(), {
    default: [
      '**/k8s/**',
      '**/kubernetes/**',
      '**/manifests/**',
      '**/deploy/**',
      '**/deployment/**',
      '**/deployments/**',
      '**/helm/**',
      '**/charts/**',
      '**/kustomize/**',
      '**/overlays/**',
    ],
    description:
      'Path fallback for YAML that cannot be parsed (templated or invalid): such a file under these globs counts as a deploy manifest.',
  }),
  exclude: Type.Array(Type.String({ format: 'glob' }), {
    default: [
      '**/__tests__/**',
      '**/test/**',
      '**/tests/**',
      '**/spec/**',
      '**/testdata/**',
      '**/fixtures/**',
      '**/__mocks__/**',
      '**/*.test.*',
      '**/*.spec.*',
      '**/*_test.go',
      '**/test_*.py',
      '**/*_test.py',
      '**/*Test.java',
      '**/*_spec.rb',
      '**/node_modules/**',
      '**/vendor/**',
      '**/examples/**',
    ],
    description: 'Files never considered as triggers (tests, fixtures, vendored code, examples).',
  }),
  dev_tooling: Type.Array(Type.String(), {
    default: [
      '**/skaffold*.y?(a)ml',
      '**/Tiltfile',
      '**/tilt_config.json',
      '**/tilt-*.y?(a)ml',
      '**/.devcontainer/**',
      '**/.devcontainer.json',
      '**/devcontainer.json',
      '**/?(docker-)compose[.-]@(override|dev|devel|development|local|test|tests|testing|ci|e2e|integration|debug)?([.-]*).@(yml|yaml)',
      '**/?(docker-)compose[.-]*[.-]@(override|dev|devel|development|local|test|tests|testing|ci|e2e|integration|debug).@(yml|yaml)',
      '**/kind-config*.y?(a)ml',
      '**/ctlptl*.y?(a)ml',
      '**/.gitpod.yml',
      '**/quickstart*.y?(a)ml',
    ],
    description:
      'Globs of development and test tooling (Skaffold, Tilt, devcontainers, compose override/dev/test/CI files, ' +
      'quickstart compose files, local kind clusters): not production, never operational triggers.',
  }),
  non_production_paths: Type.Array(Type.String(), {
    default: [
      '**/@(sandbox|staging|test|testing|dev|development|preview|previews|qa|e2e|ephemeral|pr)/**',
      '**/@(sandbox|staging|test|testing|dev|development|preview|qa|e2e|ephemeral|pr).@(tf|tfvars|tf.json|y?(a)ml|json|hcl)',
      '**/*[-_.]@(sandbox|staging|test|tests|testing|dev|development|preview|qa|e2e|ephemeral|pr).@(tf|tfvars|tf.json|y?(a)ml|json|hcl)',
    ],
    description:
      'Globs of infrastructure and workflow files of non-production environments (a `sandbox/`, `staging/` or `test/` ' +
      'folder, `sandbox.tf`, `values-staging.yaml`, `.github/workflows/preview.yml`, `e2e-test.yml`): never ' +
      'operational triggers (env-var reads are still checked).',
  }),
  version_keys: Type.Array(Type.String(), {
    default: [
      'image',
      'tag',
      'imageTag',
      'newTag',
      'digest',
      'version',
      'appVersion',
      'constraints',
      'hashes',
      'uses',
      '*_tag',
      '*Tag',
      '*-tag',
      '*_image',
      '*Image',
      '*_digest',
      '*Digest',
      'chart_version',
      'chartVersion',
    ],
    description:
      'Keys (names, or globs with `*` such as `*_tag`) whose version-only changes are routine bumps, not operational ' +
      'changes: a change where every differing value sits under one of these keys and differs only in version tokens ' +
      '(tags, digests, dotted versions, commit SHAs, `latest`) or is the same image repository with another ' +
      'tag/digest is no trigger (`image: app:1.2 → app:1.3`, `published_tag = "1.4.0" → "1.4.1"` are; `image: redis → ' +
      'valkey` and `cluster_version` are not). Dockerfile `FROM` lines count as `image`. Empty: off.',
  }),
  deploy_environments: Type.Array(Type.String(), {
    default: ['*'],
    description:
      'A workflow job whose `environment:` name matches one of these globs deploys (`*`: any GitHub environment; ' +
      'narrow it to e.g. `[production, prod*, staging]`).',
  }),
  non_production_environments: Type.Array(Type.String(), {
    default: [
      '*staging*',
      '*preview*',
      '*test*',
      'dev',
      'dev-*',
      '*-dev',
      '*development*',
      'pr-*',
      'pr',
      '*review*',
      '*sandbox*',
      '*qa*',
      '*ephemeral*',
      '*e2e*',
      'ci',
      'local',
    ],
    description:
      'A job whose `environment:` name matches one of these globs deploys to a non-production target (PR previews, ' +
      'staging, test clusters): it is not a deploying job, whatever it runs.',
  }),
  non_production_events: Type.Array(Type.String(), {
    default: ['pull_request', 'pull_request_target', 'merge_group'],
    description:
      'A workflow triggered ONLY by these events (PR checks and previews) never deploys to production: its jobs are not deploying jobs.',
  }),
  repo_automation_actions: Type.Array(Type.String(), {
    default: [
      'actions/checkout',
      'actions/github-script',
      'actions/stale',
      'actions/labeler',
      'actions/first-interaction',
      'actions/upload-artifact',
      'actions/download-artifact',
      'github/codeql-action/**',
      'ossf/scorecard-action',
      'slackapi/slack-github-action',
      'dessant/lock-threads',
      'peter-evans/create-issue-from-file',
    ],
    description:
      'Globs of `uses:` actions (without `@ref`) that only automate the repository itself (stale bots, reports, ' +
      'CodeQL, labels, notices to chat): a scheduled workflow whose every step uses one of them, with no `run:` ' +
      'step and no reusable workflow, is repository automation, not an operational schedule.',
  }),
  deploy_actions: Type.Array(Type.String(), {
    default: [
      '*/*deploy*',
      '*/*deploy*/**',
      './**/*deploy*',
      'aws-actions/amazon-ecs-*',
      'azure/functions-action',
      'azure/aks-set-context',
      'azure/k8s-*',
      'cloudflare/wrangler-action',
      'superfly/flyctl-actions*',
      'pulumi/actions',
      'appleboy/ssh-action',
      'deliverybot/helm',
      'wahyd4/kubectl-helm-action',
      'google-github-actions/get-gke-credentials',
    ],
    description:
      'Globs of `uses:` actions (without `@ref`) whose step makes a job a deploying job (setup-only actions such as ' +
      'setup-kubectl do not deploy).',
  }),
  deploy_commands: Type.Array(Type.String(), {
    default: [
      'kubectl apply',
      'kubectl create',
      'kubectl rollout',
      'kubectl set image',
      'kubectl replace',
      'kubectl patch',
      'kubectl delete',
      'helm upgrade',
      'helm install',
      'helm rollback',
      'helm uninstall',
      'helmfile apply',
      'helmfile sync',
      'terraform apply',
      'terraform destroy',
      'tofu apply',
      'terragrunt apply',
      'terragrunt run-all apply',
      'pulumi up',
      'cdk deploy',
      'sam deploy',
      'serverless deploy',
      'sls deploy',
      'fly deploy',
      'flyctl deploy',
      'vercel deploy',
      'vercel --prod',
      'netlify deploy',
      'gcloud run deploy',
      'gcloud app deploy',
      'gcloud functions deploy',
      'aws ecs update-service',
      'aws cloudformation deploy',
      'eb deploy',
      'kamal deploy',
      'argocd app sync',
      'wrangler deploy',
      'wrangler publish',
      'heroku container:release',
      'skaffold run',
      'skaffold deploy',
    ],
    description: "Commands (words, any whitespace between them) whose presence in a step's `run:` makes a job a deploying job.",
  }),
  deploy_job_names: Type.Array(Type.String(), {
    default: ['deploy', 'release', 'rollout', 'promote'],
    description:
      'Words that make a job a deploying job when its id or name contains one as a whole word (`deploy-prod`, ' +
      '`Release`; not `deployment-tests`).',
  }),
  env_var_ignore: Type.Array(Type.String(), {
    default: [
      'NODE_ENV',
      'CI',
      'HOME',
      'PATH',
      'PWD',
      'USER',
      'SHELL',
      'TMPDIR',
      'TEMP',
      'TMP',
      'TZ',
      'LANG',
      'DEBUG',
      'HOSTNAME',
      'GITHUB_*',
      'RUNNER_*',
      'npm_*',
      'JEST_*',
      'VITEST*',
      'PYTEST_*',
    ],
    description: 'Env-var names (with `*` wildcards) that are never reported as new.',
  }),
  opt_out_phrase: Type.String({
    default: 'Runbook: not needed',
    description: 'Phrase of the opt-out line in the PR description, followed by a reason: `Runbook: not needed — <reason>`.',
  }),
  min_reason_length: Type.Integer({
    default: 20,
    minimum: 0,
    description: 'Minimum length (characters) of the opt-out reason; shorter reasons are rejected.',
  }),
  max_file_reads: Type.Integer({
    default: 400,
    minimum: 0,
    description:
      'Budget of file contents read (head and base) to classify YAML/JSON/HCL and check env vars; past it files are ' +
      'classified by path only, and the rule says so.',
  }),
  max_file_bytes: Type.Integer({
    default: 1_000_000,
    minimum: 1,
    description: 'Files larger than this are classified by path only.',
  }),
  max_service_files: Type.Integer({
    default: 300,
    minimum: 0,
    description:
      'Budget of base-side files read to decide whether an env var is new to its SERVICE (its code, Dockerfiles, env ' +
      'files, compose and Kubernetes YAML); searched nearest-first and only until every name is found.',
  }),
  max_findings: Type.Integer({
    default: 50,
    minimum: 1,
    description: 'At most this many trigger findings are listed; the rest are counted in one more finding.',
  }),
})
export type RunbookOptions = Static<typeof RunbookOptions>
