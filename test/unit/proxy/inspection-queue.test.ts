import { expect } from 'chai';
import { InspectionQueue } from '../../../src/proxy/inspection-queue.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('InspectionQueue', () => {
  it('runs the jobs of a turn after it, in the order they were added', async () => {
    const q = new InspectionQueue(() => {});
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) q.add(() => ran.push(i));
    expect(ran, 'nothing runs while the turn that added the jobs goes on').to.deep.equal([]);
    await turn();
    expect(ran).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('flush() runs what is queued at once (events keep their place after the frames before them)', () => {
    const q = new InspectionQueue(() => {});
    const log: string[] = [];
    q.add(() => log.push('frame 1'));
    q.add(() => log.push('frame 2'));
    q.flush();
    log.push('close event');
    expect(log).to.deep.equal(['frame 1', 'frame 2', 'close event']);
  });

  it('a job that throws is reported and the jobs after it still run, in order, even when the report flushes', async () => {
    const errors: string[] = [];
    const ran: string[] = [];
    const q = new InspectionQueue((e) => {
      errors.push((e as Error).message);
      q.flush(); // reporting publishes an event, and events flush the queue
    });
    q.add(() => ran.push('a'));
    q.add(() => {
      throw new Error('validator bug');
    });
    q.add(() => ran.push('c'));
    q.add(() => {
      q.add(() => ran.push('e'));
      ran.push('d');
    });
    await turn();
    await turn();
    expect(errors).to.deep.equal(['validator bug']);
    expect(ran).to.deep.equal(['a', 'c', 'd', 'e']);
  });
});
