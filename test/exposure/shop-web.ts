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
