'use client'
// A client component: signs its user in with the publishable key (the user identifier key comes
// from the page's address here), then lists the user's devices. A reload resumes the session.
import { useEffect, useState } from 'react'
import { SeamClient } from 'seam-wasm'

export default function Devices() {
  const [out, setOut] = useState(null)
  useEffect(() => {
    let live = true
    const userIdentifierKey = new URLSearchParams(location.search).get('uik')
    // Counted for the test, which checks that StrictMode's second run makes no second bootstrap.
    window.__seamSignIns = (window.__seamSignIns ?? 0) + 1
    SeamClient.fromPublishableKey(process.env.NEXT_PUBLIC_SEAM_PUBLISHABLE_KEY, userIdentifierKey, {
      endpoint: process.env.NEXT_PUBLIC_SEAM_ENDPOINT,
    })
      .then((seam) => seam.devices.list())
      .then((devices) => live && setOut({ devices: devices.map((d) => d.device_id).sort() }))
      .catch((error) => live && setOut({ error: `${error.name}: ${error.message}` }))
    return () => {
      live = false
    }
  }, [])
  return <pre id="out">{out ? JSON.stringify(out) : ''}</pre>
}
