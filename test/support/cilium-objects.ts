// Two objects the --cni tests share: a workload and a CiliumNetworkPolicy that opens it to the world.
export const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [ { name: c, image: nginx, ports: [ { containerPort: 80 } ] } ] }
`;

export const CNP = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: { name: web-from-world, namespace: shop }
spec:
  endpointSelector: { matchLabels: { app: web } }
  ingress: [ { fromEntities: [ world ] } ]
`;
