// turbo.json's lists of packages, written by `npm run generate`: a root task (`//#…`) runs in no package, so `^build`
// gives it nothing to wait for, and turbo has no wildcard for "every package's build". Such a task names each
// package's build, and this keeps those names equal to the packages there are.

/**
 * `turbo.json` with every root task that waits for a build (a `dependsOn` entry `<package>#build`) waiting for the
 * build of every workspace package, in the order given; everything else as it was.
 *
 * @param {string} text The current turbo.json.
 * @param {string[]} packageNames Every workspace package (scripts/lib/vendors.mjs, listPackageNames).
 * @returns {string}
 */
export function renderTurboJson(text, packageNames) {
  const turbo = JSON.parse(text);
  for (const [name, task] of Object.entries(turbo.tasks)) {
    const isBuild = (dependency) => dependency.endsWith('#build');
    if (!name.startsWith('//#') || !task.dependsOn?.some(isBuild)) continue;
    task.dependsOn = [...task.dependsOn.filter((dependency) => !isBuild(dependency)), ...packageNames.map((p) => `${p}#build`)];
  }
  return `${JSON.stringify(turbo, null, 2)}\n`;
}
