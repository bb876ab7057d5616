// The reliability suite runs against the production build; build it when it is stale.
import { ensureBuild } from '../../scripts/ensure-build.js';

export default function setup() {
	ensureBuild();
}
