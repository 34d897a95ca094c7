// The bundled Action end to end, part 1 of 2 (test/action/e2e-suite.ts holds the tests).
import { e2eSuite } from "./e2e-suite.js";

e2eSuite(0, 2);
