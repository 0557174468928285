// Tests never leave the machine: only loopback connections are allowed.
import net from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
const originalConnect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string | undefined;
  let host: string | undefined;
  if (typeof first === 'object' && first !== null)
    host = first.path ? 'localhost' : (first.host ?? 'localhost');
  else if (typeof first === 'number')
    host = typeof args[1] === 'string' ? (args[1] as string) : 'localhost';
  else if (typeof first === 'string') host = 'localhost'; // unix socket path
  if (host !== undefined && !LOOPBACK.test(host) && process.env.TEND_LIVE !== '1') {
    throw new Error(`network blocked in tests: attempted connection to ${host}`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
