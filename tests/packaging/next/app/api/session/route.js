// A route handler: makes a client session for a user with the API key, for a page to use.
import { SeamClient } from 'seam-wasm'

export const dynamic = 'force-dynamic'

export async function POST(request) {
  const { userIdentifierKey } = await request.json()
  const seam = SeamClient.fromApiKey(process.env.SEAM_API_KEY, { endpoint: process.env.SEAM_ENDPOINT })
  const session = await seam.clientSessions.create({ user_identifier_key: userIdentifierKey })
  return Response.json({ token: session.token })
}
