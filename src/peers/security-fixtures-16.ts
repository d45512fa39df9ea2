/**
 * Test data for the OCPP 1.6 security whitepaper cases (OCTT §2.24, §3.21), generated once with `selfsigned`
 * (EC P-256, SHA-256) and Node's crypto: certificates the harness installs, deletes and rejects, and a signed
 * "firmware" for SignedUpdateFirmware. The private keys here are test data only, never a secret.
 */

/** Manufacturer root CA (self-signed, valid 2024-2044): the reference station trusts it for firmware signing certificates. */
export const MANUFACTURER_ROOT_CERT = "-----BEGIN CERTIFICATE-----\nMIIBrjCCAVSgAwIBAgIJBgUPgHE552mhMAoGCCqGSM49BAMCME0xKjAoBgNVBAMT\nIW9jcHAtaGFybmVzcyBNYW51ZmFjdHVyZXIgUm9vdCBDQTEfMB0GA1UEChMWb2Nw\ncC1oYXJuZXNzIHRlc3QgZGF0YTAeFw0yNDAxMDEwMDAwMDBaFw00NDAxMDEwMDAw\nMDBaME0xKjAoBgNVBAMTIW9jcHAtaGFybmVzcyBNYW51ZmFjdHVyZXIgUm9vdCBD\nQTEfMB0GA1UEChMWb2NwcC1oYXJuZXNzIHRlc3QgZGF0YTBZMBMGByqGSM49AgEG\nCCqGSM49AwEHA0IABE/Aroet/pZ87c1Wx8lg4PlTx6JW1fjrk0BMTevPoUjYBlC+\nUBQTJN99NIP3ps7au5+8x/iX6e+Qnlmalm1y1xGjHTAbMAwGA1UdEwQFMAMBAf8w\nCwYDVR0PBAQDAgGGMAoGCCqGSM49BAMCA0gAMEUCIQCD64RqarcgkBNxP5fnUsBc\n2/0q75+Jad/KQlTbJ6Y6fQIgLAvLrVAzJqVkqTZnym8IkrdF5qZw+m/eipaNir9F\noS0=\n-----END CERTIFICATE-----";
export const MANUFACTURER_ROOT_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgYWjzcGvMIMJsIaD7\n+UzdTdFidvN9GIfxGo9LRSFJKaChRANCAARPwK6Hrf6WfO3NVsfJYOD5U8eiVtX4\n65NATE3rz6FI2AZQvlAUEyTffTSD96bO2rufvMf4l+nvkJ5ZmpZtctcR\n-----END PRIVATE KEY-----\n";

/** Central System root CA (self-signed, valid 2024-2044): installed as CentralSystemRootCertificate. */
export const CSMS_ROOT_CERT = "-----BEGIN CERTIFICATE-----\nMIIBsjCCAVigAwIBAgIJUDmOZaTf9CE4MAoGCCqGSM49BAMCME8xLDAqBgNVBAMT\nI29jcHAtaGFybmVzcyBDZW50cmFsIFN5c3RlbSBSb290IENBMR8wHQYDVQQKExZv\nY3BwLWhhcm5lc3MgdGVzdCBkYXRhMB4XDTI0MDEwMTAwMDAwMFoXDTQ0MDEwMTAw\nMDAwMFowTzEsMCoGA1UEAxMjb2NwcC1oYXJuZXNzIENlbnRyYWwgU3lzdGVtIFJv\nb3QgQ0ExHzAdBgNVBAoTFm9jcHAtaGFybmVzcyB0ZXN0IGRhdGEwWTATBgcqhkjO\nPQIBBggqhkjOPQMBBwNCAAShzd5plDrrEWU3JxNgs1R9vzmsBwF0QltpXM6dS3JG\n5Nf6Fs9JYQcc6XgGqvEQqdWmT1nxM6ILxASYCaTZ0tdTox0wGzAMBgNVHRMEBTAD\nAQH/MAsGA1UdDwQEAwIBhjAKBggqhkjOPQQDAgNIADBFAiAFQJWbBmZ/5SGoPBon\nJQNi2q93urZvdJeC942+acySbwIhAJSm+kvxaCq3vFXct/V87MbjMOO/901/dN/j\nl4C6FbiV\n-----END CERTIFICATE-----";
export const CSMS_ROOT_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgse4pJsoQRC/gi0fH\nwN9sbX24dHajeXg6v2GG9ZdYG+6hRANCAAShzd5plDrrEWU3JxNgs1R9vzmsBwF0\nQltpXM6dS3JG5Nf6Fs9JYQcc6XgGqvEQqdWmT1nxM6ILxASYCaTZ0tdT\n-----END PRIVATE KEY-----\n";

/** A second Central System root CA (the document's "Root 2"). */
export const CSMS_ROOT_2_CERT = "-----BEGIN CERTIFICATE-----\nMIIBvDCCAWKgAwIBAgIJG1H8bFriq/jbMAoGCCqGSM49BAMCMFExLjAsBgNVBAMT\nJW9jcHAtaGFybmVzcyBDZW50cmFsIFN5c3RlbSBSb290IENBIDIxHzAdBgNVBAoT\nFm9jcHAtaGFybmVzcyB0ZXN0IGRhdGEwHhcNMjQwMTAxMDAwMDAwWhcNNDQwMTAx\nMDAwMDAwWjBRMS4wLAYDVQQDEyVvY3BwLWhhcm5lc3MgQ2VudHJhbCBTeXN0ZW0g\nUm9vdCBDQSAyMR8wHQYDVQQKExZvY3BwLWhhcm5lc3MgdGVzdCBkYXRhMFkwEwYH\nKoZIzj0CAQYIKoZIzj0DAQcDQgAEXban4Vcebx+cRb2LpxTmi9fAWnYkxVrx3num\n/BlCiDbcA1NJa5WZu57JwGgM8Hk0XbQNtqcGbw7QILqcEXDu2KMjMCEwDwYDVR0T\nAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAYYwCgYIKoZIzj0EAwIDSAAwRQIgGiWz\nTbjPI6gCjDluGplvfRL/IXtKBwmFwd/q8238k90CIQDKh+NFQx76ro3uYswK/ei8\nCmCaWV47/EHVOipbOcz8XQ==\n-----END CERTIFICATE-----";
/** Its key: the harness issues the server certificate of its alternative endpoint with it (TC_B_50_CS). */
export const CSMS_ROOT_2_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgwe+4L8GRm76+oYc4\na5pllRNffG8LyvyMfTgQDCBrJoOhRANCAARdtqfhVx5vH5xFvYunFOaL18BadiTF\nWvHee6b8GUKINtwDU0lrlZm7nsnAaAzweTRdtA22pwZvDtAgupwRcO7Y\n-----END PRIVATE KEY-----\n";

/** Firmware signing certificate issued by the manufacturer root. */
export const FIRMWARE_SIGNING_CERT = "-----BEGIN CERTIFICATE-----\nMIIBhTCCASygAwIBAgIJWFlE3lYBvF6wMAoGCCqGSM49BAMCME0xKjAoBgNVBAMT\nIW9jcHAtaGFybmVzcyBNYW51ZmFjdHVyZXIgUm9vdCBDQTEfMB0GA1UEChMWb2Nw\ncC1oYXJuZXNzIHRlc3QgZGF0YTAeFw0yNDAxMDEwMDAwMDBaFw00NDAxMDEwMDAw\nMDBaMCgxJjAkBgNVBAMTHW9jcHAtaGFybmVzcyBGaXJtd2FyZSBTaWduaW5nMFkw\nEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEsbqlnr61ptQdqiU06Qfu67aqxmg6CNr2\nHSiOkgoOKQS29GVqz4fWqxYJwd+RVQMccxSAP+DWemyygKllTZn6xaMaMBgwCQYD\nVR0TBAIwADALBgNVHQ8EBAMCB4AwCgYIKoZIzj0EAwIDRwAwRAIgUiAgNbUo5Gi3\nmFsX1FeuSAw3JLK4/9ArpLE6UqEDSqkCIFQ2ovGoEtQSNUxHqNe8nZuByM89/xhE\nasc3rAyDhJYT\n-----END CERTIFICATE-----";
export const FIRMWARE_SIGNING_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg27vycFzZJWJEoO7S\nsgxNPpFIUE6SKOlr7MPnCqiv0UahRANCAASxuqWevrWm1B2qJTTpB+7rtqrGaDoI\n2vYdKI6SCg4pBLb0ZWrPh9arFgnB35FVAxxzFIA/4NZ6bLKAqWVNmfrF\n-----END PRIVATE KEY-----\n";

/** A root CA certificate that expired on 2020-01-01: "an invalid/expired certificate". */
export const EXPIRED_ROOT_CERT = "-----BEGIN CERTIFICATE-----\nMIIBYzCCAQigAwIBAgIJI4RBOUQZ39fRMAoGCCqGSM49BAMCMCcxJTAjBgNVBAMT\nHG9jcHAtaGFybmVzcyBFeHBpcmVkIFJvb3QgQ0EwHhcNMTkwMTAxMDAwMDAwWhcN\nMjAwMTAxMDAwMDAwWjAnMSUwIwYDVQQDExxvY3BwLWhhcm5lc3MgRXhwaXJlZCBS\nb290IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENMnX6xkc/FJFRP5dZxgP\nFzF0dexKyJfpm3HHZtOv0u9q2uTaEHd15WSf6xXhdEW2eT3HY+4Pqd+Kg+JT9Qdj\nc6MdMBswDAYDVR0TBAUwAwEB/zALBgNVHQ8EBAMCAgQwCgYIKoZIzj0EAwIDSQAw\nRgIhAP3mdaBh0tJTdaCios5wD2MafhyeSgK6zG0ErqOfm8hqAiEAyvRcv0iHG9Yf\n164EuIvEINAOtn2QIHmQYPZSnSVOq8U=\n-----END CERTIFICATE-----";

/** Where the signed firmware is, and the signature (base64, ECDSA SHA-256) over its content (see firmwareImage). */
export const FIRMWARE_LOCATION = "https://firmware.example/reference-cs-1.6-signed.bin";
export const FIRMWARE_SIGNATURE = "MEQCICjawk7e2+tsktznMvNqfiuAfzIaE73LT6ZnId9AhKOnAiAzqjT6HvgqDz+b0vjD6ht4NZwqBifx1X0QR4ieh9dp5g==";

/** The simulated content the reference station "downloads" from a firmware location. */
export function firmwareImage(location: string): Buffer {
  return Buffer.from(`reference firmware image for ${location}`);
}
