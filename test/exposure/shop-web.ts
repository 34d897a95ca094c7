// The `web` Deployment in namespace `shop` that the exposure tests route to: one nginx container
// whose ports the test chooses. The text is built line for line as the tests wrote it, so the
// file:line a test expects stays where it was.

/** `ports` is the flow list of container ports, e.g. `{containerPort: 8080, name: http}`. */
export const webDeployment = (...ports: string[]) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [${ports.join(", ")}]
`;

/** Port 8080 named http and 8443 named https: the front end most exposure tests use. */
export const WEB = webDeployment("{containerPort: 8080, name: http}", "{containerPort: 8443, name: https}");

/** An Ingress in `shop` sending shop.example.com`path` to `service` port 80. */
export const shopIngress = (path = "/", service = "web", name = "web") => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, namespace: shop}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: ${path}, pathType: Prefix, backend: {service: {name: ${service}, port: {number: 80}}}}
`;

/** A Gateway of class `eg` in `shop` with the given flow-style listeners. */
export const shopGateway = (listeners: string, name = "public") => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: shop}
spec:
  gatewayClassName: eg
  listeners: [${listeners}]
`;

/** Lets routes of `kind` in namespace `edge` send to Services in `shop`. */
export const edgeGrant = (kind: string) => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: edge, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: ${kind}, namespace: edge}]
  to: [{group: "", kind: Service}]
`;
