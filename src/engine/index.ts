// The engine's public API: float64 backpropagation on dense networks, recording where gradients vanish or
// explode. Pure TypeScript (no vscode, no I/O); the spec reader, CLI, worker and extension import from here.
export * from './types';
export { createActivation, describeActivation, activationName } from './activations';
export { parseExpression } from './expr';
export { createTrainer, train, analyze } from './trainer';
export { CHECK_THRESHOLD, computeGradients, DEFAULT_CHECK_EPSILON, gradientCheck, type GradientCheckOptions } from './gradients';
export { generateData } from './data';
export { createRng, type Rng } from './rng';
export { parameterCount } from './network';
export { DEFAULT_SHARPNESS_ITERATIONS, DEFAULT_SHARPNESS_TOLERANCE, initialSharpness, sharpness, type Sharpness, type SharpnessOptions } from './sharpness';
