// Bodies the benchmarks answer with: the shape of real Webex rooms (Webex's own example values).

/** One room, as `GET /rooms/{roomId}` answers (Webex's official example). */
export const ROOM = {
  id: 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0',
  title: 'Project Unicorn - Sprint 0',
  type: 'group',
  isLocked: true,
  teamId: 'Y2lzY29zcGFyazovL3VzL1JPT00vNjRlNDVhZTAtYzQ2Yi0xMWU1LTlkZjktMGQ0MWUzNDIxOTcz',
  lastActivity: '2016-04-21T19:12:48.920Z',
  creatorId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY',
  created: '2016-04-21T19:01:55.966Z',
  ownerId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE',
};

/** Room number `n` of a listing (distinct ids and titles). */
export function roomNumber(n) {
  return { ...ROOM, id: `${ROOM.id}-${n}`, title: `Room ${n}` };
}
