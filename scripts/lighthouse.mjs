// Lighthouse's own command line, ended as soon as it has written its report and closed Chromium: one of its
// gatherers (image elements) leaves a five-second timer behind, which would keep Node running that long for nothing.
// Usage: node scripts/lighthouse.mjs URL [Lighthouse's options].
import { begin } from "lighthouse/cli/bin.js";

await begin();
process.exit();
