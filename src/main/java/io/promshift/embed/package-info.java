/**
 * Data sources where they live besides plain provisioning files: Helm chart values (grafana chart, kube-prometheus-
 * stack) at any depth and in their carriers (Flux, Argo CD, kustomize, umbrella charts), grafana-operator resources
 * and Ansible role variables, in every document of a multi-document stream. A {@link io.promshift.embed.UnitLocator}
 * finds the {@link io.promshift.embed.Unit units} of a file; each unit is modelled as the provisioning document
 * Grafana finally receives, with every value still at its place in the outer file.
 */
package io.promshift.embed;
