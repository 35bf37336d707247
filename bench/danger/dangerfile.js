// Danger JS doing only size checks (issue 15's peer): the PR's size from the PR payload Danger reads.
const pr = danger.github.pr
const lines = pr.additions + pr.deletions
if (pr.changed_files > 1000 || lines > 5000) fail(`This PR changes ${pr.changed_files} files and ${lines} lines: split it.`)
else if (pr.changed_files > 100 || lines > 1000) warn(`This PR changes ${pr.changed_files} files and ${lines} lines.`)
else message(`${pr.changed_files} files, ${lines} changed lines.`)
