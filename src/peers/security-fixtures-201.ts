/**
 * Test data for the OCPP 2.0.1 certificate cases beyond the 1.6 whitepaper's (security-fixtures-16.ts), generated once
 * with `selfsigned` (EC P-256, SHA-256).
 */

/**
 * A third CSMS root CA (valid 2024-2044) issued by the Central System root the reference station trusts: a new CSMS
 * root that passes AdditionalRootCertificateCheck (Part 6 TC_M_30/31_CS).
 */
export const CSMS_ROOT_3_CERT = "-----BEGIN CERTIFICATE-----\nMIIB1DCCAXqgAwIBAgIJJAXZS36JJMxFMAoGCCqGSM49BAMCME8xLDAqBgNVBAMT\nI29jcHAtaGFybmVzcyBDZW50cmFsIFN5c3RlbSBSb290IENBMR8wHQYDVQQKExZv\nY3BwLWhhcm5lc3MgdGVzdCBkYXRhMB4XDTI0MDEwMTAwMDAwMFoXDTQ0MDEwMTAw\nMDAwMFowazFIMEYGA1UEAxM/b2NwcC1oYXJuZXNzIENTTVMgUm9vdCBDQSAzIChp\nc3N1ZWQgYnkgdGhlIENlbnRyYWwgU3lzdGVtIHJvb3QpMR8wHQYDVQQKExZvY3Bw\nLWhhcm5lc3MgdGVzdCBkYXRhMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfDCv\nfUWMBv0HOPg+Qa7BeU1Uf/15MWBhOdu18UPcvO2QPUu+vjQqlT0Fl3ZFRyDdHqfi\n6DxEqhswOGsPl+5nQKMjMCEwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMC\nAYYwCgYIKoZIzj0EAwIDSAAwRQIgGIJDC6wzNrZdClam7Uyz+6oDxorDolDytpgS\nC772msYCIQDW4Y2NT62Mg+SLR1TLuOY3KtKFGk/fzuLHnd/sVwYEow==\n-----END CERTIFICATE-----";
/** Its key: the station gate issues a server certificate with it (TC_M_30_CS). Test data only, never a secret. */
export const CSMS_ROOT_3_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgXPcGjpwDHhAYfLBz\nXxAi+Ntto0w73UiSRLw5pnGhr8ahRANCAAR8MK99RYwG/Qc4+D5BrsF5TVR//Xkx\nYGE527XxQ9y87ZA9S76+NCqVPQWXdkVHIN0ep+LoPESqGzA4aw+X7mdA\n-----END PRIVATE KEY-----\n";
