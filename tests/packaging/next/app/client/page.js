import Devices from './devices'

export default function Page() {
  return <Devices />
}
