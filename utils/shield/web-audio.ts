type AudioWindow = Window & typeof globalThis;

/**
 * Web Audio on a flagged page never reaches the loudspeakers: a connection to a context's
 * destination is made to a silent gain in front of it instead (the page still gets the destination
 * back, and its graph runs as it expects). Runs in the page's own world before the page's scripts
 * (entrypoints/shadow-cover.content), taking the functions it needs first, so the page cannot hand
 * it others. Offline contexts, which render to memory and are never heard, are left alone (`offline`
 * includes them: a test renders through one to hear what the loudspeakers would get).
 */
export function holdWebAudio(scope: AudioWindow, { offline = false } = {}): void {
  if (typeof scope.AudioNode === 'undefined' || typeof scope.AudioDestinationNode === 'undefined') return;
  // (Reflect.apply, not .call: a page that replaces Function.prototype.call must not be handed
  // the silent gain.)
  const apply = Reflect.apply;
  const proto = scope.AudioNode.prototype;
  const connect = proto.connect as (this: AudioNode, ...args: unknown[]) => unknown;
  const disconnect = proto.disconnect as (this: AudioNode, ...args: unknown[]) => unknown;
  const createGain = scope.BaseAudioContext.prototype.createGain;
  const contextOf = Object.getOwnPropertyDescriptor(proto, 'context')!.get! as (this: AudioNode) => BaseAudioContext;
  const gainOf = Object.getOwnPropertyDescriptor(scope.GainNode.prototype, 'gain')!.get! as (this: GainNode) => AudioParam;
  const setValue = Object.getOwnPropertyDescriptor(scope.AudioParam.prototype, 'value')!.set!;
  const destinationProto = scope.AudioDestinationNode.prototype;
  const Offline = offline || typeof scope.OfflineAudioContext === 'undefined' ? null : scope.OfflineAudioContext;
  const getPrototypeOf = Object.getPrototypeOf;
  const isDestination = (node: unknown): node is AudioDestinationNode => typeof node === 'object' && node !== null && getPrototypeOf(node) === destinationProto;
  const silent = new WeakMap<BaseAudioContext, GainNode>();

  /** The silent gain in front of a live context's loudspeakers (null for an offline context). */
  const silenceFor = (destination: AudioDestinationNode): GainNode | null => {
    const context = apply(contextOf, destination, []) as BaseAudioContext;
    if (Offline && context instanceof Offline) return null;
    let gain = silent.get(context);
    if (!gain) {
      gain = apply(createGain, context, []) as GainNode;
      apply(setValue, apply(gainOf, gain, []), [0]);
      apply(connect, gain, [destination]);
      silent.set(context, gain);
    }
    return gain;
  };

  // The replacements keep their names (docs/security.md lists what a flagged page can notice).
  proto.connect = {
    connect(this: AudioNode, target: unknown, ...rest: unknown[]) {
      const gain = isDestination(target) ? silenceFor(target) : null;
      if (!gain) return apply(connect, this, [target, ...rest]);
      apply(connect, this, [gain, ...rest]);
      return target;
    },
  }.connect as typeof proto.connect;
  proto.disconnect = {
    disconnect(this: AudioNode, ...args: unknown[]) {
      const [target, ...rest] = args;
      const gain = isDestination(target) ? silenceFor(target) : null;
      return gain ? apply(disconnect, this, [gain, ...rest]) : apply(disconnect, this, args);
    },
  }.disconnect as typeof proto.disconnect;
}
