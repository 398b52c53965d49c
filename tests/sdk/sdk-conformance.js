// The official Genesys Cloud JavaScript SDK (purecloud-platform-client-v2), pointed at billing-sim with
// setGateway, must sign in with client credentials, page the trustors, poll a report to Complete and walk a
// trustor's billing periods. Usage: node sdk-conformance.js <path to billing-sim>
'use strict';

const { spawn } = require('node:child_process');
const readline = require('node:readline');
const assert = require('node:assert/strict');
let platformClient;
try {
    platformClient = require('purecloud-platform-client-v2');
} catch (error) {
    console.error('the pinned Genesys SDK is not installed: run "npm ci" in tests/sdk (ctest runs it as sdk_packages)');
    process.exit(1);
}

function startSim(binary) {
    return new Promise((resolve, reject) => {
        const sim = spawn(binary, ['--port', '0', '--seed', '42', '--in-progress-polls', '2',
                                   '--now', '2026-11-20T12:00:00Z'], { stdio: ['ignore', 'pipe', 'ignore'] });
        sim.on('error', reject);
        const lines = readline.createInterface({ input: sim.stdout });
        lines.once('line', (line) => {
            const match = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/.exec(line);
            if (!match) return reject(new Error(`unexpected first line: ${line}`));
            resolve({ sim, port: Number(match[1]) });
        });
    });
}

async function main() {
    const { sim, port } = await startSim(process.argv[2]);
    const checks = [];
    const check = (name, fn) => checks.push([name, fn]);
    try {
        const client = platformClient.ApiClient.instance;
        client.setGateway({ host: '127.0.0.1', protocol: 'http', port });

        check('client credentials sign-in', async () => {
            const auth = await client.loginClientCredentialsGrant('demo', 'demo');
            assert.ok(auth.accessToken, 'an access token');
        });

        check('wrong secret is refused', async () => {
            const other = new platformClient.ApiClient.constructor();
            other.setGateway({ host: '127.0.0.1', protocol: 'http', port });
            await assert.rejects(other.loginClientCredentialsGrant('demo', 'wrong'),
                                 (error) => error.response && error.response.status === 401 &&
                                     error.response.data.error === 'invalid_client');
        });

        const orgAuth = new platformClient.OrganizationAuthorizationApi();
        const billing = new platformClient.BillingApi();
        let trustorIds = [];

        check('trustors, every page', async () => {
            let pageNumber = 1, pageCount = 1;
            do {
                const page = await orgAuth.getOrgauthorizationTrustors({ pageSize: 10, pageNumber });
                assert.ok(Array.isArray(page.entities));
                trustorIds.push(...page.entities.map((t) => t.id));
                pageCount = page.pageCount;
                pageNumber += 1;
            } while (pageNumber <= pageCount);
            assert.equal(trustorIds.length, 25);
            assert.equal(new Set(trustorIds).size, 25);
        });

        check('billable usage polled to Complete', async () => {
            const start = '2026-10-01T00:00:00.000Z', end = '2026-10-31T23:59:59.999Z';
            let report, attempts = 0;
            do {
                report = await billing.getBillingReportsBillableusage(start, end);
                attempts += 1;
            } while (report.status === 'InProgress' && attempts < 10);
            assert.equal(report.status, 'Complete');
            assert.equal(attempts, 3, 'two InProgress answers, then Complete');
            assert.ok(report.usages.length > 0);
            for (const usage of report.usages) {
                assert.equal(typeof usage.totalUsage, 'string');
                assert.ok(Array.isArray(usage.resources));
            }
        });

        check("a trustor's billing periods, newest to oldest", async () => {
            const trustor = trustorIds[0];
            let previousStart;
            for (let index = 0; index <= 12; index += 1) {
                const opts = index === 0 ? {} : { billingPeriodIndex: index };
                const overview = await billing.getBillingTrusteebillingoverviewTrustorOrgId(trustor, opts);
                assert.equal(overview.organization.id, trustor);
                assert.ok(overview.currency);
                assert.ok(Array.isArray(overview.usages));
                const start = new Date(overview.billingPeriodStartDate);
                if (previousStart) assert.ok(start < previousStart, 'periods go back in time');
                previousStart = start;
            }
        });

        check('an index past the history is a 404', async () => {
            await assert.rejects(
                billing.getBillingTrusteebillingoverviewTrustorOrgId(trustorIds[0], { billingPeriodIndex: 500 }),
                (error) => error.status === 404);
        });

        let failed = 0;
        for (const [name, fn] of checks) {
            try {
                await fn();
                console.log(`PASS   : ${name}`);
            } catch (error) {
                failed += 1;
                console.log(`FAIL!  : ${name}: ${error && (error.message || JSON.stringify(error))}`);
            }
        }
        console.log(`${checks.length - failed} passed, ${failed} failed`);
        process.exitCode = failed === 0 ? 0 : 1;
    } finally {
        sim.kill();
    }
}

main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
