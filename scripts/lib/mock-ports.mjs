// The fixed ports of `npm run mock` and `npm start` (issue 2): one per API.
export const MOCK_PORTS = { spark: 4010, statuspage: 4011, vss: 4012, vspark: 4013 };
