// The seeded generator lives in the domain (sensitivity sampling uses it too); seeds reuse it.
export { seededRandom } from '../server/domain/random.js';
