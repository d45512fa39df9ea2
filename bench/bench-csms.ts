/**
 * Benchmark CSMS (child process): accepts any number of OCPP 1.6 stations on loopback and answers every CALL
 * at once with a valid CALLRESULT. It reads the id and action by position, not with JSON.parse, to stay cheap.
 */
import { WebSocketServer } from 'ws';

const NOW = '2024-01-01T00:00:00.000Z';
const ANSWERS: Record<string, string> = {
  BootNotification: `{"status":"Accepted","currentTime":"${NOW}","interval":300}`,
  Heartbeat: `{"currentTime":"${NOW}"}`,
};

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, clientTracking: false, handleProtocols: (p) => (p.has('ocpp1.6') ? 'ocpp1.6' : false) });
wss.on('connection', (ws) => {
  ws.on('error', () => {});
  ws.on('message', (data: Buffer) => {
    // [2,"<id>","<Action>",{...}]: split on quotes gives the id at 1 and the action at 3.
    const parts = data.toString('latin1', 0, 160).split('"');
    if (data[1] !== 0x32) return;
    ws.send(`[3,"${parts[1]}",${ANSWERS[parts[3]] ?? '{}'}]`);
  });
});
wss.on('listening', () => {
  const address = wss.address();
  process.send?.({ ready: true, port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'cpu') {
    const u = process.cpuUsage();
    process.send?.({ cpuMicros: u.user + u.system });
  }
  if (m.cmd === 'close') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
