# Well configured: every rule that applies to it passes.
resource "kubernetes_service_v1" "good" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    selector = {
      app = "api"
    }
    type = "ClusterIP"
    port {
      port        = 443
      target_port = 8080
    }
  }
}

# A load balancer is not a node port.
resource "kubernetes_service_v1" "load_balancer" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    selector = {
      app = "api"
    }
    type = "LoadBalancer"
    port {
      port        = 443
      target_port = 8080
    }
    load_balancer_source_ranges = ["203.0.113.0/24"]
  }
}

# expect fail: k8s-service-no-external-ips
resource "kubernetes_service_v1" "external_ips" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    selector = {
      app = "api"
    }
    type = "ClusterIP"
    port {
      port        = 443
      target_port = 8080
    }
    external_ips = ["198.51.100.7"]
  }
}

# expect fail: k8s-service-no-node-port
resource "kubernetes_service_v1" "node_port" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    selector = {
      app = "api"
    }
    type = "NodePort"
    port {
      port        = 443
      target_port = 8080
    }
  }
}

# expect fail: k8s-no-default-namespace
resource "kubernetes_service_v1" "default_namespace" {
  metadata {
    name      = "api"
    namespace = "default"
  }
  spec {
    selector = {
      app = "api"
    }
    port {
      port = 443
    }
  }
}
